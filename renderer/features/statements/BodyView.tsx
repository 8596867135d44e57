import type { ReactNode } from 'react';
import type { BodyMark, BodyNode } from '../../../shared/statements/body';

/** Only web and mail links are rendered as links (the body came from a peer). */
function safeHref(href: unknown): string | undefined {
  return typeof href === 'string' && /^(https?:|mailto:)/i.test(href) ? href : undefined;
}

function withMarks(text: ReactNode, marks: BodyMark[] | undefined, key: string): ReactNode {
  let out = text;
  for (const m of marks ?? []) {
    if (m.type === 'bold') out = <strong key={key}>{out}</strong>;
    else if (m.type === 'italic') out = <em key={key}>{out}</em>;
    else if (m.type === 'underline') out = <u key={key}>{out}</u>;
    else if (m.type === 'strike') out = <s key={key}>{out}</s>;
    else if (m.type === 'code') out = <code key={key}>{out}</code>;
    else if (m.type === 'link') out = <a key={key} href={safeHref(m.attrs?.href)}>{out}</a>;
  }
  return out;
}

function render(node: BodyNode, key: string): ReactNode {
  const kids = (node.content ?? []).map((c, i) => render(c, `${key}.${i}`));
  switch (node.type) {
    case 'text':
      return withMarks(node.text ?? '', node.marks, key);
    case 'paragraph':
      return <p key={key}>{kids.length ? kids : ' '}</p>;
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(node.attrs?.level) || 2));
      const H = `h${level}` as 'h2';
      return <H key={key}>{kids}</H>;
    }
    case 'bulletList':
      return <ul key={key}>{kids}</ul>;
    case 'orderedList':
      return <ol key={key}>{kids}</ol>;
    case 'listItem':
      return <li key={key}>{kids}</li>;
    case 'blockquote':
      return <blockquote key={key}>{kids}</blockquote>;
    case 'codeBlock':
      return <pre key={key}>{kids}</pre>;
    case 'horizontalRule':
      return <hr key={key} />;
    case 'hardBreak':
      return <br key={key} />;
    default:
      return <div key={key}>{kids}</div>;
  }
}

/** A statement body (JSON) as read-only formatted text, for the print view and releases. */
export function BodyView({ json, className }: { json: BodyNode; className?: string }) {
  return <div className={className}>{(json.content ?? []).map((c, i) => render(c, String(i)))}</div>;
}
