-- Run inside `nvim --headless` by tests/editors/nvim.test.js: opens $TARIFF_FILE, runs :make
-- through the compiler plugin the tariff filetype sets (editors/vim/compiler/tariff.vim), and
-- reports the quickfix list and the options it set, as JSON in $TARIFF_PROBE_OUT.
-- With $TARIFF_OUTPUT (JSON, a list of lines) the plugin reads those lines instead of running
-- the tool, as :cgetexpr does.
vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('TARIFF_FILE')))
if os.getenv('TARIFF_OUTPUT') then
  vim.fn.setqflist({}, 'r', { lines = vim.fn.json_decode(os.getenv('TARIFF_OUTPUT')), efm = vim.bo.errorformat })
else
  vim.cmd('silent make!')
end
local entries = {}
for _, e in ipairs(vim.fn.getqflist()) do
  table.insert(entries, { file = e.bufnr > 0 and vim.fn.fnamemodify(vim.fn.bufname(e.bufnr), ':p') or '',
    lnum = e.lnum, col = e.col, type = e.type, text = e.text, valid = e.valid })
end
vim.fn.writefile({ vim.fn.json_encode({
  filetype = vim.bo.filetype, compiler = vim.b.current_compiler or '', makeprg = vim.bo.makeprg,
  commentstring = vim.bo.commentstring, shiftwidth = vim.bo.shiftwidth, expandtab = vim.bo.expandtab,
  quickfix = entries,
}) }, os.getenv('TARIFF_PROBE_OUT'))
