-- Neovim's built-in LSP client on `tariff lsp` (docs/editors.md). Works from Neovim 0.7, whose
-- client has vim.lsp.start_client and buf_attach_client but not vim.lsp.start (0.8) nor vim.fs.
--
--   require('tariff').setup()                      -- `tariff lsp` from PATH, one server per project
--   require('tariff').setup({ cmd = { '/opt/tariff/bin/tariff', 'lsp' }, on_attach = my_keys })
--
-- Filetype detection, syntax and `:compiler tariff` come from editors/vim (also on runtimepath).
local M = {}

M.defaults = {
  cmd = { 'tariff', 'lsp' },
  -- The project root is the nearest folder above the file with one of these; else the file's own.
  root_markers = { '.git' },
  on_attach = nil,
  capabilities = nil,
  settings = {},
}

local options = vim.deepcopy(M.defaults)
local clients = {} -- root folder -> client id, so that the files of one project share a server

local function root_of(path, markers)
  local folder = vim.fn.fnamemodify(path, ':p:h')
  for _, marker in ipairs(markers) do
    local found = vim.fn.finddir(marker, folder .. ';')
    if found == '' then found = vim.fn.findfile(marker, folder .. ';') end
    if found ~= '' then
      -- '.git' is a folder in a clone and a file in a worktree: strip ':p''s trailing slash.
      local full = vim.fn.fnamemodify(found, ':p'):gsub('/$', '')
      return vim.fn.fnamemodify(full, ':h')
    end
  end
  return folder
end

-- Attaches the buffer to the server of its project, starting the server on first use.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local path = vim.api.nvim_buf_get_name(bufnr)
  local root = root_of(path ~= '' and path or vim.fn.getcwd() .. '/', options.root_markers)
  local id = clients[root]
  if id == nil or vim.lsp.get_client_by_id(id) == nil or vim.lsp.client_is_stopped(id) then
    id = vim.lsp.start_client({
      name = 'tariff',
      cmd = options.cmd,
      root_dir = root,
      workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
      capabilities = options.capabilities or vim.lsp.protocol.make_client_capabilities(),
      settings = options.settings,
      on_attach = options.on_attach,
      on_exit = function() clients[root] = nil end,
    })
    if id == nil then
      vim.notify('tariff: could not start ' .. table.concat(options.cmd, ' '), vim.log.levels.ERROR)
      return nil
    end
    clients[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

function M.setup(user_options)
  options = vim.tbl_deep_extend('force', vim.deepcopy(M.defaults), user_options or {})
  local group = vim.api.nvim_create_augroup('tariff_lsp', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = 'tariff',
    callback = function(event) M.attach(event.buf) end,
  })
  -- Tariff buffers opened before setup() was called.
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.bo[bufnr].filetype == 'tariff' then M.attach(bufnr) end
  end
end

return M
