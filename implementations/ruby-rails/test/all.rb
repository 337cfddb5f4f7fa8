# `ruby -Itest test/all.rb` (lab.json's test command) runs every test/unit/*_test.rb.
Dir[File.join(__dir__, 'unit', '*_test.rb')].sort.each { |f| require f }
