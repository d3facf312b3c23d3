/**
 * [OBS] aws/amazon-sagemaker-examples#1540 (DescribeHyperParameterTuningJob). The model gives
 * Stop and ListTrainingJobsForHyperParameterTuningJob the same ResourceNotFound code as Describe,
 * and [INF] the same text. Delete answers the same way [INF], although the model lists no error
 * for DeleteHyperParameterTuningJob at all.
 */
export const tuningJobNotFound = (name: string): string => `Amazon SageMaker can't find a tuning job called ${name}. Type another name.`;

/** [OBS] aws/amazon-sagemaker-examples#2440, #3353. Names compare case-insensitively ([DOC]). */
export const tuningJobAlreadyExists = (name: string): string =>
  `A hyperparameter tuning job with the name, ${name}, already exists. Choose a different name.`;

/** How the status rejections (job-status.ts) name this kind: [INF], after StopTrainingJob's [OBS] "training job". */
export const TUNING_JOB = "tuning job";
