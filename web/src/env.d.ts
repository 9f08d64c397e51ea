// Vite turns imported CSS into a stylesheet in the bundle.
declare module '*.css';
