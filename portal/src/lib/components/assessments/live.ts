import assessmentChangedArtifact from '$houdini/artifacts/AssessmentChanged';
import type { AssessmentChanged$input, AssessmentChanged$result } from '$houdini';

import { onSocketState, socketClient } from '$lib/graphql/socket';

import type { Assessment } from './types';

/** `reconnecting`: the connection dropped; graphql-ws subscribes again and the server resends the whole state. */
export type LiveState = 'connecting' | 'live' | 'reconnecting' | 'failed';

export interface AssessmentHandlers {
  next(assessment: Assessment): void;
  state(state: LiveState): void;
}

/**
 * Follows one assessment on the tab's shared socket. The server answers with the whole assessment
 * at once and after every change, so a reconnect needs no replay: the next answer is the truth.
 * Returns the stop function.
 */
export function followAssessment(id: string, handlers: AssessmentHandlers): () => void {
  handlers.state('connecting');
  const stopState = onSocketState((state) => {
    if (state === 'closed') handlers.state('reconnecting');
  });
  const variables: AssessmentChanged$input = { id };
  const stop = socketClient().subscribe<AssessmentChanged$result>(
    { operationName: assessmentChangedArtifact.name, query: assessmentChangedArtifact.raw, variables },
    {
      next: ({ data, errors }) => {
        if (errors?.length || !data) return handlers.state('failed');
        handlers.state('live');
        handlers.next(data.assessmentChanged);
      },
      error: () => handlers.state('failed'),
      complete: () => undefined,
    },
  );
  return () => {
    stopState();
    stop();
  };
}
