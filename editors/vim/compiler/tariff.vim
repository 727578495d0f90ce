" :compiler tariff — :make runs `tariff check` on the current file and reads its diagnostics
" (`file:line:col: severity: message`, then the source line and a caret; docs/cli.md) into the
" quickfix list. The tool is `tariff` on PATH, or g:tariff_program.
if exists('current_compiler')
  finish
endif
let current_compiler = 'tariff'

if exists(':CompilerSet') != 2
  command -nargs=* CompilerSet setlocal <args>
endif
let s:cpo_save = &cpo
set cpo&vim

execute 'CompilerSet makeprg=' . escape(get(g:, 'tariff_program', 'tariff') . ' check %:S', ' \|"')
" Columns count bytes, as Vim's do. The severity may carry the finding's stable name
" (`error[unknown-item]:`, docs/language.md). The quoted source line, the caret, `FILE: ok` and
" the closing count are left out; a file the tool cannot read stays as a message.
let s:errorformat = [
      \ '%f:%l:%c: %trror[%*[^]]]: %m',
      \ '%f:%l:%c: %tarning[%*[^]]]: %m',
      \ '%f:%l:%c: %trror: %m',
      \ '%f:%l:%c: %tarning: %m',
      \ '%f:%l:%c: %tote: %m',
      \ '%+Gtariff: %m',
      \ '%-G%.%#',
      \ ]
execute 'CompilerSet errorformat=' . escape(join(s:errorformat, ','), ' \|"')
unlet s:errorformat

let &cpo = s:cpo_save
unlet s:cpo_save
