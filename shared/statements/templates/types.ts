/** Wording of one holding-statement template: a title and its paragraphs. */
export interface TemplateText {
  title: string;
  body: string[];
}
