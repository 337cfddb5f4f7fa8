import { IntParam, ROW_ID } from './validation';

/** Path parameters `{id}`: a row id, 1–2147483647 (anything else is a 422; unknown ids are 404 later). */
export class IdParams {
  @IntParam(ROW_ID)
  id: number;
}
