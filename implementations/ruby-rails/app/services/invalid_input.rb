# Raised for invalid request input; ApplicationController renders it as 422 {"detail": …}.
# `detail` is a message or an array of messages (the contract allows both for 422).
class InvalidInput < StandardError
  attr_reader :detail

  def initialize(detail)
    @detail = detail
    super(detail.is_a?(Array) ? detail.join('; ') : detail.to_s)
  end
end
