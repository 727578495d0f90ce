-- Run inside `nvim --headless` by tests/editors/nvim.test.js: opens $TARIFF_FILE, runs :make
-- through the compiler plugin the tariff filetype sets (editors/vim/compiler/tariff.vim), and
-- reports the quickfix list and the options it set, as JSON in $TARIFF_PROBE_OUT.
vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('TARIFF_FILE')))
vim.cmd('silent make!')
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
