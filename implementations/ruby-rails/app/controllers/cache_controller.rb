# Scenarios 14–16: cache-aside reads of users through Redis (key user:{id}, TTL 300 s).
class CacheController < ApplicationController
  TTL_SECONDS = 300
  USER_NOT_FOUND = 'User not found'

  def no_cache
    t0 = monotonic
    user = User.find_by(id: path_id)
    return not_found(USER_NOT_FOUND) unless user

    render json: body('database', user.id, user.name, user.email, t0)
  end

  # GET user:{id}; on a miss read the database and SETEX (unknown users are not cached).
  def cached
    id = path_id
    t0 = monotonic
    if (hit = redis.get(key(id)))
      user = JSON.parse(hit)
      return render json: body('cache', user['id'], user['name'], user['email'], t0)
    end
    user = User.find_by(id: id)
    return not_found(USER_NOT_FOUND) unless user

    store(user)
    render json: body('database', user.id, user.name, user.email, t0)
  end

  # Users ORDER BY id LIMIT count, one SETEX each (sequential round trips, as in the original).
  def warmup
    count = query_int(:count, min: 1, max: 1000, default: 100)
    t0 = monotonic
    users = User.order(:id).limit(count).to_a
    users.each { |user| store(user) }
    render json: { warmed_count: users.size, elapsed_ms: elapsed_ms(t0) }
  end

  def flush
    redis.flushdb
    render json: { message: 'Cache flushed' }
  end

  def destroy
    k = key(path_id)
    render json: { deleted: k, success: redis.del(k).positive? }
  end

  private

  def key(id) = "user:#{id}"

  def store(user)
    redis.setex(key(user.id), TTL_SECONDS, JSON.generate({ id: user.id, name: user.name, email: user.email }))
  end

  def body(source, id, name, email, t0)
    { source: source, user_id: id, name: name, email: email, elapsed_ms: elapsed_ms(t0) }
  end
end
