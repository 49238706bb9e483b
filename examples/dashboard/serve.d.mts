/** The dashboard's running server. */
export interface DashboardServer {
  /** The dashboard page, `http://127.0.0.1:<port>/examples/dashboard/`. */
  readonly url: string;
  readonly port: number;
  /** Stops the server, closing open connections. */
  close(): Promise<void>;
}

/** Options of {@link serveDashboard}. */
export interface ServeDashboardOptions {
  /** Port on 127.0.0.1. Default 8080; 0 picks a free one. */
  readonly port?: number;
  /** Folder of the library's ESM build, served as /dist/. Default: the repository's dist/. */
  readonly dist?: string;
}

/** Starts the dashboard's static server on 127.0.0.1. */
export function serveDashboard(options?: ServeDashboardOptions): Promise<DashboardServer>;
