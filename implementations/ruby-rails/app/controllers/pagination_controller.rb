# Scenario 09 on users_pagination: OFFSET/LIMIT with a total, and keyset (cursor) pages.
class PaginationController < ApplicationController
  def offset
    page = query_int(:page, min: 1, max: IntParam::MAX_OFFSET, default: 1)
    size = query_int(:size, min: 1, max: 100, default: 20)
    total = PaginationUser.count
    items = PaginationUser.order(:id).offset((page - 1) * size).limit(size).to_a
    render json: { items: items, total: total, page: page, size: size, total_pages: (total + size - 1) / size }
  end

  # WHERE id > cursor ORDER BY id LIMIT size + 1: the extra row only says whether a next page exists.
  def cursor
    cursor = query_int(:cursor, min: 0, max: IntParam::PG_INT_MAX, default: 0)
    size = query_int(:size, min: 1, max: 100, default: 20)
    rows = PaginationUser.where(PaginationUser.arel_table[:id].gt(cursor)).order(:id).limit(size + 1).to_a
    items = rows.first(size)
    render json: { items: items, next_cursor: rows.size > size ? items.last.id : nil, size: size }
  end
end
