-- Run inside `nvim --headless` by tests/editors/nvim.test.js: opens tariff files with the plugins
-- in editors/ on the runtimepath and reports what the editor sees, as JSON in $TARIFF_PROBE_OUT.
--   $TARIFF_PROBE_IN: JSON { files = { { path, positions = { {line, col}, ... } } }, fresh }
--   (fresh: load the file anew before each position, so that Vim finds its place by syncing
--   rather than from the lines it has already read)
--   answer: { files = { { path, filetype, syntax, groups = { "tariffMoneyWord" | "", ... },
--                        classes = { "tariffKeyword" | "", ... } } } }
-- The class of a position is its syntax group followed along `hi link` to the first of the
-- grammar's classes (editors/vim/syntax/tariff.vim), or "" where the text is plain.
local classes = {}
for _, name in ipairs(vim.fn.json_decode(os.getenv('TARIFF_CLASSES'))) do classes[name] = true end

local class_of_group = {}
local function class_of(group)
  if group == '' then return '' end
  if class_of_group[group] == nil then
    local seen, name = {}, group
    class_of_group[group] = ''
    while name and not seen[name] do
      if classes[name] then class_of_group[group] = name break end
      seen[name] = true
      name = vim.fn.execute('highlight ' .. name):match('links to (%w+)')
    end
  end
  return class_of_group[group]
end

local request = vim.fn.json_decode(table.concat(vim.fn.readfile(os.getenv('TARIFF_PROBE_IN')), '\n'))
local answer = { files = {} }
for _, file in ipairs(request.files) do
  vim.cmd('edit! ' .. vim.fn.fnameescape(file.path))
  local found = { path = file.path, filetype = vim.bo.filetype, syntax = vim.b.current_syntax or '', groups = {}, classes = {} }
  for _, position in ipairs(file.positions) do
    if request.fresh then vim.cmd('bwipeout! | edit ' .. vim.fn.fnameescape(file.path)) end
    local group = vim.fn.synIDattr(vim.fn.synID(position[1], position[2], 1), 'name')
    table.insert(found.groups, group)
    table.insert(found.classes, class_of(group))
  end
  table.insert(answer.files, found)
end
vim.fn.writefile({ vim.fn.json_encode(answer) }, os.getenv('TARIFF_PROBE_OUT'))
