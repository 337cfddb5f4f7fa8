# Every route of docs/contract.md. `format: false`: a dot is part of the segment, so
# /users/1.5 is the id "1.5" (422), not id 1 with format "5". /users/offset and /users/cursor are
# declared before /users/:id, which they take precedence over.
Rails.application.routes.draw do
  scope format: false, constraints: { id: %r{[^/]+} } do
    get  '/health', to: 'basic#health'
    post '/echo', to: 'basic#echo'
    get  '/external', to: 'basic#external'
    get  '/protected', to: 'basic#protected_resource'
    post '/upload', to: 'basic#upload'

    get  '/users/offset', to: 'pagination#offset'
    get  '/users/cursor', to: 'pagination#cursor'
    get    '/users', to: 'users#index'
    post   '/users', to: 'users#create'
    get    '/users/:id', to: 'users#show'
    put    '/users/:id', to: 'users#update'
    delete '/users/:id', to: 'users#destroy'

    get '/column-overhead/*kind', to: 'column_overhead#show'

    get '/n-plus-one/lazy', to: 'n_plus_one#lazy'
    get '/n-plus-one/eager', to: 'n_plus_one#eager'
    get '/n-plus-one/subquery', to: 'n_plus_one#subquery'

    delete '/bulk-operations/cleanup', to: 'bulk#cleanup'
    post '/bulk-operations/insert-individual', to: 'bulk#insert_individual'
    post '/bulk-operations/insert-batch', to: 'bulk#insert_batch'
    post '/bulk-operations/insert-raw', to: 'bulk#insert_raw'
    post '/bulk-operations/update-individual', to: 'bulk#update_individual'
    post '/bulk-operations/update-bulk', to: 'bulk#update_bulk'

    get  '/transactions/products/:id', to: 'transactions#show'
    post '/transactions/reset', to: 'transactions#reset'
    post '/transactions/decrement/no-lock', to: 'transactions#no_lock'
    post '/transactions/decrement/pessimistic', to: 'transactions#pessimistic'
    post '/transactions/decrement/optimistic', to: 'transactions#optimistic'
    post '/transactions/decrement/serializable', to: 'transactions#serializable'

    get    '/cache/users/:id/no-cache', to: 'cache#no_cache'
    get    '/cache/users/:id/cached', to: 'cache#cached'
    post   '/cache/warmup', to: 'cache#warmup'
    delete '/cache/flush', to: 'cache#flush'
    delete '/cache/users/:id', to: 'cache#destroy'

    get  '/auth/public', to: 'auth#public_endpoint'
    post '/auth/login/jwt', to: 'auth#login_jwt'
    post '/auth/login/session', to: 'auth#login_session'
    get  '/auth/protected/jwt', to: 'auth#protected_jwt'
    get  '/auth/protected/session', to: 'auth#protected_session'

    get '/aggregation/count/orm', to: 'aggregation#count_orm'
    get '/aggregation/count/raw', to: 'aggregation#count_raw'
    get '/aggregation/stats/country/orm', to: 'aggregation#country_orm'
    get '/aggregation/stats/country/raw', to: 'aggregation#country_raw'
    get '/aggregation/stats/author/orm', to: 'aggregation#author_orm'
    get '/aggregation/stats/author/raw', to: 'aggregation#author_raw'

    get '/io/sleep', to: 'server_config#io_sleep'
    get '/io/db', to: 'server_config#io_db'
    get '/cpu/fibonacci', to: 'server_config#fibonacci'
    get '/cpu/hash', to: 'server_config#hash_password'
    get '/cpu/json-serialize', to: 'server_config#json_serialize'
    get '/mixed/report', to: 'server_config#mixed_report'

    get '/search/like', to: 'search#like'
    get '/search/fulltext', to: 'search#fulltext'
  end
end
