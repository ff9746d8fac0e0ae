export { FetchError, allowListOf, guardedFetch, guardedFetchToFile, isPublicAddress, type FetchProblem, type FetchedBody, type GuardedFetchOptions } from './guarded-fetch.js';
