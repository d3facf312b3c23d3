import type { Tag } from "@aws-sdk/client-sagemaker";
import { validationError } from "../../errors.js";
import { arraySource } from "../../store/cursor.js";
import type { StoredRecord } from "../../store/kind-table.js";
import { listPage } from "../../store/list-page.js";
import type { Store } from "../../store/store.js";
import type { Operations } from "../operation.js";

/** [MODEL] TagList max 50. */
const MAX_TAGS = 50;
/** [MODEL] ListTagsMaxResults min 50; [DOC] ListTags MaxResults default 50. */
const DEFAULT_LIST_TAGS = 50;

/**
 * AddTags / ListTags / DeleteTags for every resource kind, found by ARN. Tags given at create
 * time are the resource's initial tags; Describe never shows tags ([MODEL] no Describe output has a Tags
 * member; they come from ListTags, docs/fidelity.md §5.1).
 */
export function tagOperations(store: Store): Operations {
  const find = (arn: string): StoredRecord => {
    const record = store.findByArn(arn);
    // [OBS] aws/amazon-sagemaker-feedback#108: ListTags/AddTags on a missing resource answer
    // ValidationException; the text is [INF], in the family of the job "not found" message.
    if (!record) throw validationError(`Requested resource not found: ${arn}`);
    return record;
  };

  return {
    AddTags(input) {
      const record = find(input.ResourceArn);
      const merged = new Map(record.tags.map((t) => [t.Key, t] as const));
      for (const tag of input.Tags) merged.set(tag.Key, { Key: tag.Key, Value: tag.Value ?? "" });
      if (merged.size > MAX_TAGS) {
        throw validationError(
          `Resource ${input.ResourceArn} can have at most ${MAX_TAGS} tags; this request would make it ${merged.size}.`,
        );
      }
      record.tags = [...merged.values()];
      return { Tags: input.Tags };
    },

    ListTags(input) {
      const record = find(input.ResourceArn);
      // [INF] tags come back in the order they were added.
      const source = arraySource(record.tags, (tag) => ({ key: null, created: 0, seq: record.tags.indexOf(tag), name: tag.Key! }));
      const { items, nextToken } = listPage<Tag>(
        source,
        { MaxResults: input.MaxResults ?? DEFAULT_LIST_TAGS, NextToken: input.NextToken },
        { name: (t) => t.Key!, created: () => 0, sortKeys: ["Insertion"], defaultSortBy: "Insertion", defaultSortOrder: "Ascending" },
        { ResourceArn: record.arn },
      );
      return { Tags: items, ...(nextToken ? { NextToken: nextToken } : {}) };
    },

    DeleteTags(input) {
      const record = find(input.ResourceArn);
      const drop = new Set(input.TagKeys);
      record.tags = record.tags.filter((t) => !drop.has(t.Key!));
      return {};
    },
  };
}
