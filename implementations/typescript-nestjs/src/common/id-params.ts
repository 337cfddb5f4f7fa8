import { IntParam } from './validation';

/** Path parameters `{id}`: an integer within PostgreSQL's `integer` range (unknown ids are 404 later). */
export class IdParams {
  @IntParam()
  id: number;
}
