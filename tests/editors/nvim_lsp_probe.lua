-- Run inside `nvim --headless` by tests/editors/nvim.test.js: sets up editors/nvim's LSP client
-- with the command in $TARIFF_LSP_CMD (JSON), opens the files in $TARIFF_FILES (JSON) one after
-- another, waits for each one's diagnostics, then stops the clients; reports in $TARIFF_PROBE_OUT.
local cmd = vim.fn.json_decode(os.getenv('TARIFF_LSP_CMD'))
local files = vim.fn.json_decode(os.getenv('TARIFF_FILES'))
require('tariff').setup({ cmd = cmd })

-- Each document's diagnostics are waited for until the server has published them, empty or not.
local published = {}
local publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  publish(err, result, ctx, config)
  published[result.uri] = true
end

local answer = { buffers = {}, clients = {} }
for _, path in ipairs(files) do
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)
  vim.wait(10000, function() return published[uri] end, 20)
  local messages = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do table.insert(messages, d.message) end
  table.insert(answer.buffers, { path = path, filetype = vim.bo.filetype, diagnostics = messages,
    clients = #vim.tbl_keys(vim.lsp.buf_get_clients(bufnr)) })
end
for _, client in ipairs(vim.lsp.get_active_clients()) do
  table.insert(answer.clients, { name = client.name, root_dir = client.config.root_dir, cmd = client.config.cmd })
end
local ids = vim.tbl_map(function(c) return c.id end, vim.lsp.get_active_clients())
vim.lsp.stop_client(ids)
answer.stopped = vim.wait(10000, function() return #vim.lsp.get_active_clients() == 0 end, 20)
vim.fn.writefile({ vim.fn.json_encode(answer) }, os.getenv('TARIFF_PROBE_OUT'))
