// Handout paper sizes (PDF points) and how many cards go on a page.
export const PAPERS = { a4: { width: 595.28, height: 841.89 }, letter: { width: 612, height: 792 } } as const;
export type Paper = keyof typeof PAPERS;
export const PER_PAGE = [1, 2, 3, 4, 6] as const;
export type PerPage = (typeof PER_PAGE)[number];

export interface HandoutOptions {
  paper: Paper;
  perPage: PerPage;
}

export const DEFAULT_HANDOUT: HandoutOptions = { paper: 'a4', perPage: 3 };

/** Print margins: 15 mm all round, page numbers in the bottom margin. */
export const MARGIN = 42.52;
