/** The doc comment of one public function. */
export interface DocComment {
  readonly name: string;
  readonly file: string;
  readonly family: string;
  readonly comment: string;
}

/** A doc comment's parts. */
export interface ParsedDocComment {
  readonly summary: string;
  readonly description: string[];
  readonly remarks: string;
  readonly throws: string[];
  readonly examples: string[];
  readonly category: string;
}

export const REFERENCE: string;
export function readDocComments(src?: string): DocComment[];
export function parseDocComment(comment: string): ParsedDocComment;
export function renderSection(doc: DocComment, functions: ReadonlySet<string>): string;
export function generateReference(page: string, docs: readonly DocComment[]): string;
