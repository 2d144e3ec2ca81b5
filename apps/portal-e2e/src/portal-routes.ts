import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** Who may open a route: signed-out visitors only, one role, or everybody. */
export type RouteAccess = 'signedOut' | 'customer' | 'advertiser' | 'admin' | 'everyone';

export interface PortalRoute {
  /** The full pattern as the router matches it, e.g. `/advertiser/purchases/:id`. */
  path: string;
  access: RouteAccess;
}

const routerFile = fileURLToPath(new URL('../../portal/src/app/router.tsx', import.meta.url));

function property(node: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const member of node.properties) {
    if (ts.isPropertyAssignment(member) && ts.isIdentifier(member.name) && member.name.text === name) return member.initializer;
  }
  return undefined;
}

/** `<RequireRole only="admin" />` → 'admin', `<PublicOnly />` → 'signedOut', any other element → undefined. */
function guardOf(element: ts.Expression | undefined): RouteAccess | undefined {
  if (!element || !ts.isJsxSelfClosingElement(element)) return undefined;
  const tag = element.tagName.getText();
  if (tag === 'PublicOnly') return 'signedOut';
  if (tag !== 'RequireRole') return undefined;
  for (const attribute of element.attributes.properties) {
    if (ts.isJsxAttribute(attribute) && attribute.name.getText() === 'only' && attribute.initializer && ts.isStringLiteral(attribute.initializer)) {
      return attribute.initializer.text as RouteAccess;
    }
  }
  throw new Error(`A <RequireRole> in ${routerFile} has no literal "only" role.`);
}

function collect(list: ts.ArrayLiteralExpression, parent: string, access: RouteAccess, out: PortalRoute[]): void {
  for (const element of list.elements) {
    if (!ts.isObjectLiteralExpression(element)) throw new Error(`A route in ${routerFile} is not an object literal: ${element.getText()}`);
    const pathNode = property(element, 'path');
    const segment = pathNode && ts.isStringLiteral(pathNode) ? pathNode.text : '';
    const path = segment ? `${parent.replace(/\/$/, '')}/${segment}` : parent;
    const routeAccess = guardOf(property(element, 'element')) ?? access;
    const children = property(element, 'children');
    if (children && ts.isArrayLiteralExpression(children)) collect(children, path, routeAccess, out);
    else out.push({ path, access: routeAccess });
  }
}

/**
 * Every page of the portal, read from the router's source: a page added there appears here, so a
 * test that walks "every page" cannot silently miss it.
 */
export function portalRoutes(): PortalRoute[] {
  const source = ts.createSourceFile(routerFile, readFileSync(routerFile, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  let table: ts.ArrayLiteralExpression | undefined;
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && node.expression.getText() === 'createBrowserRouter' && node.arguments[0] && ts.isArrayLiteralExpression(node.arguments[0])) {
      table = node.arguments[0];
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (!table) throw new Error(`No createBrowserRouter([...]) table found in ${routerFile}.`);
  const routes: PortalRoute[] = [];
  collect(table, '/', 'everyone', routes);
  return routes;
}
