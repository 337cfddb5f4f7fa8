# Unit tests of the logic that needs no database, Redis or Rails boot: each test requires the
# service module it exercises directly from app/services.
require 'minitest/autorun'
SERVICES = File.expand_path('../app/services', __dir__)
$LOAD_PATH.unshift(SERVICES)
