-- Headless Neovim session for integration/nvim_test.go: start
-- `bgmanifest lsp` for the buffer given on the command line, wait for its
-- diagnostics, ask for the quick fixes, edit the buffer so that the
-- problem goes away, wait for the diagnostics to clear, and write what
-- happened as JSON. Everything comes from the environment:
--   BGMANIFEST_BIN   the binary to run
--   BGMANIFEST_ROOT  the workspace root
--   BGMANIFEST_OUT   where to write the result
--   BGMANIFEST_FROM / BGMANIFEST_TO  the text replaced to fix the problem
local bin = assert(os.getenv('BGMANIFEST_BIN'), 'BGMANIFEST_BIN is not set')
local root = assert(os.getenv('BGMANIFEST_ROOT'), 'BGMANIFEST_ROOT is not set')
local out = assert(os.getenv('BGMANIFEST_OUT'), 'BGMANIFEST_OUT is not set')
local fix_from = os.getenv('BGMANIFEST_FROM') or ''
local fix_to = os.getenv('BGMANIFEST_TO') or ''
local wait_ms = 10000

local result = { nvim = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) }

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(result) }, out)
  vim.lsp.stop_client(vim.lsp.get_active_clients())
  vim.cmd('qa!')
end

local function bgmanifest_diagnostics(buf)
  local ds = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.source == 'bgmanifest' then
      table.insert(ds, d)
    end
  end
  return ds
end

local function start(buf)
  local config = { name = 'bgmanifest', cmd = { bin, 'lsp' }, root_dir = root }
  if vim.lsp.start then -- Neovim 0.8 and later
    return vim.lsp.start(config, { bufnr = buf })
  end
  local id = vim.lsp.start_client(config)
  if id then
    vim.lsp.buf_attach_client(buf, id)
  end
  return id
end

local function run()
  local buf = vim.api.nvim_get_current_buf()
  local id = start(buf)
  result.started = id ~= nil
  if not id then
    return finish()
  end

  result.published = vim.wait(wait_ms, function() return #bgmanifest_diagnostics(buf) > 0 end, 20)
  result.diagnostics = {}
  for _, d in ipairs(bgmanifest_diagnostics(buf)) do
    table.insert(result.diagnostics, {
      code = d.code, lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, message = d.message,
    })
  end
  if not result.published then
    return finish()
  end

  -- Ask for the quick fix of the first diagnostic, as the code-action menu does.
  local d = bgmanifest_diagnostics(buf)[1]
  local range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } }
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = range,
    context = { diagnostics = { { range = range, code = d.code, source = d.source, message = d.message, severity = d.severity } } },
  }, wait_ms)
  result.actions = {}
  for _, r in pairs(responses or {}) do
    for _, a in ipairs(r.result or {}) do
      local files = {}
      for uri, _ in pairs((a.edit or {}).changes or {}) do
        table.insert(files, vim.uri_to_fname(uri))
      end
      table.insert(result.actions, { title = a.title, kind = a.kind, files = files })
    end
  end

  -- Fix the code in the buffer (unsaved) and wait for the diagnostics to clear.
  if fix_from ~= '' then
    for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
      local s, e = line:find(fix_from, 1, true)
      if s then
        local fixed = line:sub(1, s - 1) .. fix_to .. line:sub(e + 1)
        vim.api.nvim_buf_set_lines(buf, i - 1, i, false, { fixed })
        break
      end
    end
    result.cleared = vim.wait(wait_ms, function() return #bgmanifest_diagnostics(buf) == 0 end, 20)
  end
  finish()
end

vim.api.nvim_create_autocmd('VimEnter', {
  callback = function()
    local ok, err = pcall(run)
    if not ok then
      result.error = tostring(err)
      finish()
    end
  end,
})
