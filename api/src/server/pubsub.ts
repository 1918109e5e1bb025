import { createPubSub } from '@graphql-yoga/subscription';

/** Events published inside this process; a multi-process deployment would swap in Redis here. */
export type PubSubChannels = {
  NEIGHBOURHOOD_UPDATED: [neighbourhoodId: string, payload: { id: string }];
};

export const createAppPubSub = () => createPubSub<PubSubChannels>();
export type PubSub = ReturnType<typeof createAppPubSub>;
