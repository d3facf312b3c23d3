import type { DeployedImage } from "@aws-sdk/client-sagemaker";
import type { Random } from "../../random.js";

/**
 * Resolves container images to digests the way hosting does at deployment ([DOC] DeployedImage:
 * ResolvedImage is "the specific digest path of the image"). A tag resolves to the same seeded
 * digest every time within one emulator, as a registry tag would while nobody pushes to it.
 */
export function imageResolver(random: Random): (image: string, now: number) => DeployedImage {
  const digests = new Map<string, string>();
  return (image, now) => {
    if (image.includes("@sha256:")) return { SpecifiedImage: image, ResolvedImage: image, ResolutionTime: new Date(now) };
    const repository = repositoryOf(image);
    let digest = digests.get(image);
    if (digest === undefined) {
      digest = random.hex(64);
      digests.set(image, digest);
    }
    return { SpecifiedImage: image, ResolvedImage: `${repository}@sha256:${digest}`, ResolutionTime: new Date(now) };
  };
}

/** `host:port/repo:tag` → `host:port/repo`: the tag is a `:` after the last `/`. */
function repositoryOf(image: string): string {
  const slash = image.lastIndexOf("/");
  const colon = image.lastIndexOf(":");
  return colon > slash ? image.slice(0, colon) : image;
}
