/** Vite turns an imported asset into its built URL. */
declare module '*.svg' {
  const url: string;
  export default url;
}
