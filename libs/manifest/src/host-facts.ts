/** The host's facts (`host-facts.cjs`, CommonJS beside this file so that the host fingerprint script can load it too). */
import hostFactsModule from './host-facts.cjs';

/** CPU model, cores, memory, arch, kernel and Node version of this host. */
export type HostFacts = ReturnType<typeof hostFactsModule.hostFacts>;

/** This host's facts, as the bench tasks' fingerprint and the results' provenance both record them. */
export const hostFacts: () => HostFacts = hostFactsModule.hostFacts;
