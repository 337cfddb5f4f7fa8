# The column-overhead tables, one read-only model each (every column is returned).
module ColumnOverhead
  # Table name per endpoint segment (`/column-overhead/<kind>` and `/column-overhead/type/<kind>`).
  TABLES = {
    'narrow' => 'users_narrow', 'wide' => 'users_wide', 'extra-wide' => 'users_extra_wide',
    'type/int' => 'users_type_int', 'type/varchar' => 'users_type_varchar', 'type/text' => 'users_type_text',
    'type/jsonb' => 'users_type_jsonb', 'type/timestamp' => 'users_type_timestamp', 'type/uuid' => 'users_type_uuid',
  }.freeze

  # Model class per endpoint segment, e.g. MODELS['wide'] == ColumnOverhead::UsersWide.
  MODELS = TABLES.to_h do |kind, table|
    model = Class.new(ApplicationRecord) do
      self.table_name = table
      def readonly? = true
    end
    [kind, const_set(table.camelize, model)]
  end.freeze
end
