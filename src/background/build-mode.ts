/// <reference types="vite/client" />
// Which extension build this is. `vite build` makes the one we ship (dist/); `vite build --mode
// seams` makes dist-seams/, the same extension plus the benchmark and test seams (bench-seam.ts,
// per-event cost samples, the trial lifetime override, the pause switch on `corsLens`). Vite
// writes the mode in as a literal, so the production bundle drops every branch behind it.
export const SEAMS_BUILD: boolean = import.meta.env.MODE === 'seams';
