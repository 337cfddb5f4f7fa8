/** What the process knows besides argv. */
export interface ConfigContext {
  env: NodeJS.ProcessEnv;
  stderrIsTTY: boolean;
  /** The workspace this CLI lives in, the last fallback for `--workspace`. */
  homeWorkspace: string;
}
