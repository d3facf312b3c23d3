import type { WireResponse } from "./aws-json.js";

/**
 * REST-XML, S3's wire protocol, in one place: the operation is the HTTP method, the path and the
 * query; members travel in headers, the query and XML bodies in S3's namespace; errors are
 * `<Error><Code>…</Code><Message>…</Message>…<RequestId>…</RequestId></Error>` with the status in
 * the HTTP line. Facts: the Smithy restXml protocol page
 * (https://smithy.io/2.0/aws/protocols/aws-restxml-protocol.html) and S3's error responses
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html); docs/fidelity.md §9.
 */

/** The namespace of every S3 response document (botocore's s3 model, `xmlNamespace`). */
const S3_NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

/** An XML element to write: a name with text, or with child elements (undefined children are left out). */
export type XmlNode = readonly [name: string, content: string | number | boolean | readonly (XmlNode | undefined)[]];

/** An error S3 answers: its code, status, message and the extra elements it carries (`Key`, `BucketName`). */
export class RestXmlError extends Error {
  override readonly name = "RestXmlError";
  constructor(
    readonly code: string,
    message: string,
    readonly statusCode: number,
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

export function xmlDocument(root: string, content: XmlNode[1]): Uint8Array {
  return new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>\n${writeNode([root, content], S3_NAMESPACE)}`);
}

function writeNode([name, content]: XmlNode, namespace?: string): string {
  const open = namespace ? `<${name} xmlns="${namespace}">` : `<${name}>`;
  const inner = Array.isArray(content)
    ? (content as readonly (XmlNode | undefined)[]).map((child) => (child ? writeNode(child) : "")).join("")
    : escapeXml(String(content));
  return `${open}${inner}</${name}>`;
}

/** Escapes text for an element; `\r` too, which an XML parser would otherwise fold into `\n` (a key may hold one). */
function escapeXml(text: string): string {
  return text.replace(/[&<>"'\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function xmlResponse(statusCode: number, body: Uint8Array, requestId: string, headers: Record<string, string> = {}): WireResponse {
  return {
    statusCode,
    headers: { ...headers, "content-type": "application/xml", "content-length": String(body.byteLength), ...requestIdHeaders(requestId) },
    body,
  };
}

/** A response whose body is not XML: an object's bytes, or nothing. */
export function rawResponse(statusCode: number, body: Uint8Array, requestId: string, headers: Record<string, string> = {}): WireResponse {
  return { statusCode, headers: { ...headers, "content-length": String(body.byteLength), ...requestIdHeaders(requestId) }, body };
}

/**
 * S3's error document. A HEAD answer has no body (HTTP forbids one), so clients see only the
 * status: the SDKs name a 404 there `NotFound` (https://docs.aws.amazon.com/AmazonS3/latest/API/API_HeadObject.html).
 */
export function restXmlErrorResponse(error: RestXmlError, requestId: string, method: string): WireResponse {
  if (method === "HEAD") return { ...rawResponse(error.statusCode, new Uint8Array(), requestId), errorCode: error.code };
  const fields = Object.entries(error.fields).map(([name, value]): XmlNode => [name, value]);
  const body = new TextEncoder().encode(
    `<?xml version="1.0" encoding="UTF-8"?>\n${writeNode(["Error", [["Code", error.code], ["Message", error.message], ...fields, ["RequestId", requestId]]])}`,
  );
  return { ...xmlResponse(error.statusCode, body, requestId), errorCode: error.code };
}

function requestIdHeaders(requestId: string): Record<string, string> {
  return { "x-amz-request-id": requestId, "x-amz-id-2": requestId };
}

/** A parsed request element: its name, its child elements in order, and its text. */
export interface XmlElement {
  readonly name: string;
  readonly children: XmlElement[];
  text: string;
}

/** The text of the first child named `name`, if there is one. */
export function childText(element: XmlElement, name: string): string | undefined {
  return element.children.find((child) => child.name === name)?.text;
}

export const malformedXml = (): RestXmlError =>
  new RestXmlError("MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema", 400);

/**
 * Parses the small XML documents S3 requests carry (CreateBucketConfiguration, Delete,
 * CompleteMultipartUpload): elements, text, the five entities and character references;
 * attributes are ignored. Anything not well-formed is S3's MalformedXML.
 */
export function parseXml(text: string): XmlElement {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const tag = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^>]*?)?)(\/?)>|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|([^<]+)/gy;
  let match: RegExpExecArray | null;
  let at = 0;
  while (at < text.length) {
    tag.lastIndex = at;
    match = tag.exec(text);
    if (!match) throw malformedXml();
    at = tag.lastIndex;
    const [, closing, name, , selfClosing, chars] = match;
    if (chars !== undefined) {
      const top = stack.at(-1);
      if (top) top.text += decodeEntities(chars);
      else if (chars.trim() !== "") throw malformedXml();
    } else if (name !== undefined) {
      if (closing) {
        if (stack.pop()?.name !== localName(name)) throw malformedXml();
      } else {
        const element: XmlElement = { name: localName(name), children: [], text: "" };
        const parent = stack.at(-1);
        if (parent) parent.children.push(element);
        else if (root) throw malformedXml();
        else root = element;
        if (!selfClosing) stack.push(element);
      }
    }
  }
  if (!root || stack.length > 0) throw malformedXml();
  return root;
}

/** Elements are known by their local name (no namespace prefix). */
function localName(name: string): string {
  return name.slice(name.indexOf(":") + 1);
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (_whole, ref: string) => {
    if (ref.startsWith("#x")) return xmlChar(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith("#")) return xmlChar(Number.parseInt(ref.slice(1), 10));
    const named = ENTITIES[ref];
    if (named === undefined) throw malformedXml();
    return named;
  });
}

/**
 * A character reference must name a character XML allows (XML 1.0, "Well-formedness constraint:
 * Legal Character", https://www.w3.org/TR/xml/#wf-Legalchar, and the Char production of section 2.2):
 * anything else (NUL, a surrogate, past U+10FFFF) leaves the document not well-formed.
 */
function xmlChar(code: number): string {
  const legal =
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff);
  if (!legal) throw malformedXml();
  return String.fromCodePoint(code);
}
