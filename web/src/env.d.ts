// Vite turns imported CSS into a stylesheet in the bundle.
declare module '*.css';
// cytoscape-svg ships no types: an extension adding cy.svg(options).
declare module 'cytoscape-svg' {
  const ext: (cy: unknown) => void;
  export default ext;
}
