// Expands a satori/jsx element tree's function components (<Avatar …/>, <Footer …/>) into the
// intrinsic elements they return, as satori itself does when it renders. The expanded tree is
// exactly what gets drawn, so it can be hashed (a function has no content to hash: two different
// components with the same props would look alike) and handed to satori as is.
import type { JSXNode } from 'satori/jsx';

interface Element {
  type: unknown;
  props?: { children?: unknown } & Record<string, unknown>;
  key?: unknown;
}

const isElement = (n: unknown): n is Element => typeof n === 'object' && n !== null && 'type' in n && 'props' in n;

export function expandComponents(node: JSXNode): JSXNode {
  return expand(node) as JSXNode;
}

function expand(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(expand);
  if (!isElement(node)) return node;
  if (typeof node.type === 'function') return expand((node.type as (props: unknown) => unknown)(node.props ?? {}));
  if (node.props?.children === undefined) return node;
  return { ...node, props: { ...node.props, children: expand(node.props.children) } };
}
