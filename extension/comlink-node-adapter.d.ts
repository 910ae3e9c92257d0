// comlink ships types for its node adapter as node-adapter.d.ts only; the issue asks for the
// adapter by its full path (comlink/dist/esm/node-adapter.mjs), so declare that path.
declare module "comlink/dist/esm/node-adapter.mjs" {
  export { default } from "comlink/dist/esm/node-adapter";
}
