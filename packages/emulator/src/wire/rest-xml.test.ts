import { describe, expect, it } from "vitest";
import { childText, parseXml, RestXmlError, restXmlErrorResponse, xmlDocument } from "./rest-xml.js";

describe("REST-XML", () => {
  it("writes S3's documents in S3's namespace, escaping text (a carriage return in a key survives parsing)", () => {
    const text = new TextDecoder().decode(xmlDocument("ListBucketResult", [["Key", "a<b>&\"c'\r"], undefined, ["IsTruncated", false]]));
    expect(text).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Key>a&#60;b&#62;&#38;&#34;c&#39;&#13;</Key><IsTruncated>false</IsTruncated></ListBucketResult>',
    );
    expect(childText(parseXml(text), "Key")).toBe("a<b>&\"c'\r");
  });

  it("answers an error as <Error> with its extra elements and the request id; a HEAD answer has no body", () => {
    const error = new RestXmlError("NoSuchKey", "The specified key does not exist.", 404, { Key: "k" });
    const answer = restXmlErrorResponse(error, "req-1", "GET");
    expect([answer.statusCode, answer.headers["x-amz-request-id"]]).toEqual([404, "req-1"]);
    expect(new TextDecoder().decode(answer.body)).toContain(
      "<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>k</Key><RequestId>req-1</RequestId></Error>",
    );
    expect(restXmlErrorResponse(error, "req-1", "HEAD").body.byteLength).toBe(0);
  });

  it("parses request documents with prefixes, entities, comments and self-closing elements", () => {
    const root = parseXml(
      '<?xml version="1.0"?><!-- x --><s3:Delete xmlns:s3="ns"><Object><Key>a&amp;b &#x1F600;</Key></Object><Quiet/></s3:Delete>',
    );
    expect([root.name, childText(root.children[0]!, "Key"), childText(root, "Quiet")]).toEqual(["Delete", "a&b 😀", ""]);
  });

  it("refuses what is not well-formed as MalformedXML", () => {
    for (const text of ["", "<a>", "<a></b>", "<a/><b/>", "text", "<a>&bogus;</a>", "<a></a>trailing"]) {
      expect(() => parseXml(text), text).toThrow(expect.objectContaining({ code: "MalformedXML", statusCode: 400 }));
    }
  });

  it("refuses a character reference to no XML character (past U+10FFFF, NUL, a surrogate) as MalformedXML, not a failure", () => {
    for (const ref of ["&#x110000;", "&#99999999999;", "&#0;", "&#xD800;", "&#xFFFE;"]) {
      const text = `<Delete><Object><Key>${ref}</Key></Object></Delete>`;
      expect(() => parseXml(text), ref).toThrow(expect.objectContaining({ code: "MalformedXML", statusCode: 400 }));
    }
    expect(parseXml("<Key>&#9;&#x10FFFF;</Key>").text).toBe("\t\u{10FFFF}");
  });
});
