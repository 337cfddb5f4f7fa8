# Scenario 10: the first `limit` rows of one table, ORDER BY id, every column (SELECT "t".*).
class ColumnOverheadController < ApplicationController
  def show
    model = ColumnOverhead::MODELS[request.path_parameters[:kind]]
    return render(json: { detail: 'Not Found' }, status: :not_found) unless model

    limit = query_int(:limit, min: 1, max: 1000, default: 100)
    render json: model.order(:id).limit(limit)
  end
end
