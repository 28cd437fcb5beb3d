// The program's own flags that answer without running anything: main.ts handles them, and the launcher
// (launch/load-bundle.ts) starts `analyse --version` and `analyse --help` without the launch bundle, which
// they would only pay for reading.
export const HELP_OR_VERSION: readonly string[] = ['-h', '--help', '-V', '--version'];
