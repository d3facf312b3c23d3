import type {
  AddTagsInput,
  AddTagsOutput,
  DeleteTagsInput,
  ListTagsInput,
  ListTagsOutput,
  Tag,
} from "@aws-sdk/client-sagemaker";
import { parseArn } from "../../arn.js";
import { validationError } from "../../errors.js";
import { findByArn, type TaggedRecord } from "../../store/emulator-store.js";
import { listPage } from "../../store/list-page.js";
import type { ResourceModuleFactory } from "../resource-module.js";

/** [MODEL] TagList max 50. */
const MAX_TAGS = 50;
/** [MODEL] ListTagsMaxResults min 50; [DOC] ListTags MaxResults default 50. */
const DEFAULT_LIST_TAGS = 50;

/**
 * AddTags / ListTags / DeleteTags for every resource kind, found by ARN. Tags given at create
 * time are the resource's initial tags; Describe never shows tags (§5.1: "Tags are not part of
 * Describe; they come from ListTags").
 */
export const tagsModule: ResourceModuleFactory = (_ctx, store) => {
  const find = (arn: string): TaggedRecord => {
    const parsed = parseArn(arn);
    const record = parsed && findByArn(store, parsed.type, parsed.name);
    // [OBS] aws/amazon-sagemaker-feedback#108: ListTags/AddTags on a missing resource answer
    // ValidationException; the text is [INF], in the family of the job "not found" message.
    if (!record) throw validationError(`Requested resource not found: ${arn}`);
    return record;
  };

  return {
    operations: {
      AddTags(input: AddTagsInput): AddTagsOutput {
        const record = find(input.ResourceArn!);
        const merged = new Map(record.tags.map((t) => [t.Key, t] as const));
        for (const tag of input.Tags ?? []) merged.set(tag.Key, { Key: tag.Key, Value: tag.Value ?? "" });
        if (merged.size > MAX_TAGS) {
          throw validationError(`Resource ${input.ResourceArn} can have at most ${MAX_TAGS} tags; this request would make it ${merged.size}.`);
        }
        record.tags = [...merged.values()];
        return { Tags: input.Tags };
      },

      ListTags(input: ListTagsInput): ListTagsOutput {
        const record = find(input.ResourceArn!);
        const { items, nextToken } = listPage<Tag>(record.tags, { MaxResults: input.MaxResults ?? DEFAULT_LIST_TAGS, NextToken: input.NextToken }, {
          name: (t) => t.Key!,
          creationTime: () => 0,
          // [INF] tags come back in the order they were added.
          sortKeys: { Insertion: (t) => record.tags.indexOf(t) },
          defaultSortBy: "Insertion",
          defaultSortOrder: "Ascending",
        });
        return { Tags: items, ...(nextToken ? { NextToken: nextToken } : {}) };
      },

      DeleteTags(input: DeleteTagsInput): object {
        const record = find(input.ResourceArn!);
        const drop = new Set(input.TagKeys ?? []);
        record.tags = record.tags.filter((t) => !drop.has(t.Key!));
        return {};
      },
    },
    dump: () => [],
  };
};
