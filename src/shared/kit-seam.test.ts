import { describe, expect, it } from 'vitest';
import { KIT_SEAM_VERSION, kitSeamProblem } from './kit-seam';

describe('kitSeamProblem', () => {
  it('accepts the version this kit speaks', () => {
    expect(kitSeamProblem(KIT_SEAM_VERSION)).toBeNull();
  });

  it('names both versions when they differ', () => {
    expect(kitSeamProblem(KIT_SEAM_VERSION + 1)).toBe(
      `CORS Lens: the loaded extension speaks kit seam version ${KIT_SEAM_VERSION + 1}, this kit speaks version ${KIT_SEAM_VERSION}; load the dist/ shipped with this cors-lens package (the kit and the extension must come from the same version)`,
    );
  });

  it('says what is missing when the extension has no seam', () => {
    expect(kitSeamProblem(null)).toContain('the loaded extension has no kit seam of a known version');
  });
});
