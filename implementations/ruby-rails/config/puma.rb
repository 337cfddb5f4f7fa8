# Puma 5.6 (Debian 12). Concurrency comes from the environment:
#   WORKERS            processes (1 = Puma's single mode, no master process)
#   RAILS_MAX_THREADS  threads per process (min = max)
#   DB_POOL_SIZE       ActiveRecord connections per process (config/database.yml; default = threads)
threads_count = Integer(ENV.fetch('RAILS_MAX_THREADS', 5))
threads threads_count, threads_count
worker_count = Integer(ENV.fetch('WORKERS', 1))
bind "tcp://#{ENV.fetch('HOST', '127.0.0.1')}:#{Integer(ENV.fetch('PORT', 8000))}"
environment ENV.fetch('RAILS_ENV', 'production')
# No pidfile: the lab manages the process group itself, and a pidfile outlives a killed server.
# Puma 5's own lines ("Puma starting…", "Listening on…") only; no access log.
quiet
# Puma closes a kept-alive connection after 10 requests in a row when every thread is busy and
# another connection is waiting (its fairness rule). PUMA_MAX_FAST_INLINE raises that limit.
max_fast_inline Float(ENV['PUMA_MAX_FAST_INLINE']) if ENV['PUMA_MAX_FAST_INLINE']

if worker_count > 1
  workers worker_count
  preload_app!
  # The app and its schema cache are loaded once in the master. No connection crosses the fork:
  # each worker's pool (inherited, empty) opens its own connections on first use.
  before_fork { ActiveRecord::Base.connection_pool.disconnect! if defined?(ActiveRecord::Base) }
end
