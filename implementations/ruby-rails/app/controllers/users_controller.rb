# /users: the list, and create / read / update / delete by id.
class UsersController < ApplicationController
  # Every row, ORDER BY id (1,000 after a fresh seed; the original Rails app capped this at 100).
  def index
    render json: User.order(:id)
  end

  def show
    user = User.find_by(id: path_id)
    return not_found('User not found') unless user

    render json: user
  end

  def create
    user = User.new(RequestBody.user(json_body, partial: false))
    save(user, :created)
  end

  def update
    id = path_id
    attrs = RequestBody.user(json_body, partial: true)
    user = User.find_by(id: id)
    return not_found('User not found') unless user

    user.assign_attributes(attrs)
    save(user, :ok)
  end

  def destroy
    return not_found('User not found') if User.where(id: path_id).delete_all.zero?

    head :no_content
  end

  private

  # Model validations → 422 with their messages; the unique index on email → 409.
  def save(user, status)
    return render(json: { detail: user.errors.full_messages }, status: :unprocessable_entity) unless user.save

    render json: user, status: status
  rescue ActiveRecord::RecordNotUnique
    render json: { detail: 'Email already exists' }, status: :conflict
  end
end
