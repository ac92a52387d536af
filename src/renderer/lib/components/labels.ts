/** Display words for the core's closed unions: the presentation layer's (src/core/present), under the app's names. */
export {
  CERTAINTY_WORD,
  TRAFFIC_LABEL as TRAFFIC_NAME,
  ROLE_WORD as ROLE_NAME,
  DIRECTION_WORD,
  MIGRATION_LABEL as MIGRATION_NAME,
  SEVERITY_WORD,
  SEVERITY_MEANING,
} from '../../../core/present/words.ts';
