-- Headless Neovim 0.7.2 LSP client check: a second real editor talking to our language server.
--
--   SERVER_CMD=dist/server.js OUT_JSON=/tmp/out.json \
--     nvim --headless -u NONE -i NONE -n -c 'luafile test/editors/nvim/nvim-lsp-check.lua' FILE
--
-- Starts the server, attaches it to the current buffer (FILE), waits (vim.wait, no fixed sleep)
-- until the server publishes diagnostics for it, requests textDocument/documentSymbol, writes
--   { "diagnostics": [{line, character, endLine, endCharacter, code, severity, message, source}],
--     "symbols": [{name, detail, kind, range, children: [...]}] }
-- to OUT_JSON and exits 0. On timeout or error it prints a message to stderr and exits 1.
-- Positions are the server's own LSP positions (0-based lines, UTF-16 characters), not Neovim's.
--
-- Environment:
--   SERVER_CMD       JSON array (e.g. ["node","dist/server.js","--stdio"]) or a path to a .js
--                    server, run as `node PATH --stdio`            (required)
--   OUT_JSON         where to write the result                      (required)
--   TIMEOUT_MS       wait for diagnostics / symbols this long       (default 15000)
--   LANGUAGE_ID      languageId sent in didOpen (default: markdown for .md, else the file extension)
--   ROOT_DIR         workspace root sent to the server              (default: current directory)
--   SERVER_SETTINGS  JSON object answered to workspace/configuration (optional)
--   INIT_OPTIONS     JSON initializationOptions                     (optional)
--   MIN_DIAGNOSTICS  wait until a publish with at least this many diagnostics (default 0: the
--                    first publishDiagnostics for the file counts, even an empty one)
-- Neovim 0.7 notes: no `nvim -l`, no vim.lsp.start; exit status is set with :cquit.

local function fail(msg)
  io.stderr:write('nvim-lsp-check: ' .. tostring(msg) .. '\n')
  vim.cmd('cquit! 1')
end

local function getenv_json(name)
  local v = os.getenv(name)
  if v == nil or v == '' then return nil end
  local ok, decoded = pcall(vim.fn.json_decode, v)
  if not ok then error(name .. ' is not valid JSON: ' .. tostring(decoded)) end
  return decoded
end

local function nil_to_null(v)
  if v == nil then return vim.NIL end
  return v
end

local function range_of(r)
  return {
    start = { line = r.start.line, character = r.start.character },
    ['end'] = { line = r['end'].line, character = r['end'].character },
  }
end

-- DocumentSymbol[] (nested) or SymbolInformation[] (flat) -> nested {name, detail, kind, range, children}
local function convert_symbols(list)
  local out = {}
  for _, s in ipairs(list or {}) do
    local r = s.range or (s.location and s.location.range)
    table.insert(out, {
      name = s.name,
      detail = nil_to_null(s.detail),
      kind = s.kind,
      range = r and range_of(r) or vim.NIL,
      children = convert_symbols(s.children),
    })
  end
  return out
end

local function main()
  local out_path = os.getenv('OUT_JSON')
  assert(out_path and out_path ~= '', 'OUT_JSON is not set')
  local server = os.getenv('SERVER_CMD')
  assert(server and server ~= '', 'SERVER_CMD is not set')
  local cmd
  if server:sub(1, 1) == '[' then
    cmd = getenv_json('SERVER_CMD')
  else
    cmd = { 'node', server, '--stdio' }
  end
  assert(type(cmd) == 'table' and #cmd > 0, 'SERVER_CMD must be a non-empty JSON array or a path')
  local timeout = tonumber(os.getenv('TIMEOUT_MS') or '') or 15000
  local min_diags = tonumber(os.getenv('MIN_DIAGNOSTICS') or '') or 0

  local buf = vim.api.nvim_get_current_buf()
  local fname = vim.api.nvim_buf_get_name(buf)
  assert(fname ~= '', 'no file given: pass the file to check as nvim\'s argument')
  assert(vim.fn.filereadable(fname) == 1, 'cannot read ' .. fname)
  local ext = fname:match('%.([^./]+)$') or 'text'
  local language_id = os.getenv('LANGUAGE_ID')
  if not language_id or language_id == '' then
    language_id = ({ md = 'markdown', markdown = 'markdown' })[ext] or ext
  end
  vim.bo[buf].filetype = language_id -- becomes the languageId of didOpen

  -- Keep the raw publishDiagnostics params for this buffer: exact LSP positions, code, source.
  local published, server_exit
  local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
  vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
    if result and result.uri and vim.uri_to_bufnr(result.uri) == buf then
      if #(result.diagnostics or {}) >= min_diags then published = result.diagnostics or {} end
    end
    return default_handler(err, result, ctx, config)
  end

  local client_id = vim.lsp.start_client({
    name = 'nvim-lsp-check',
    cmd = cmd,
    root_dir = os.getenv('ROOT_DIR') or vim.fn.getcwd(),
    settings = getenv_json('SERVER_SETTINGS') or {},
    init_options = getenv_json('INIT_OPTIONS'),
    on_exit = function(code, signal)
      server_exit = string.format('server exited (code %s, signal %s)', tostring(code), tostring(signal))
    end,
  })
  assert(client_id, 'vim.lsp.start_client failed for ' .. table.concat(cmd, ' '))
  assert(vim.lsp.buf_attach_client(buf, client_id), 'buf_attach_client failed')

  local ok = vim.wait(timeout, function() return published ~= nil or server_exit ~= nil end, 10)
  if server_exit and published == nil then error(server_exit .. ' before publishing diagnostics') end
  if not ok then
    error(string.format('no publishDiagnostics for %s within %d ms (TIMEOUT_MS)', fname, timeout))
  end

  local diagnostics = {}
  for _, d in ipairs(published) do
    table.insert(diagnostics, {
      line = d.range.start.line,
      character = d.range.start.character,
      endLine = d.range['end'].line,
      endCharacter = d.range['end'].character,
      code = nil_to_null(d.code),
      severity = nil_to_null(d.severity),
      message = d.message,
      source = nil_to_null(d.source),
    })
  end

  local params = { textDocument = vim.lsp.util.make_text_document_params(buf) }
  local responses, err = vim.lsp.buf_request_sync(buf, 'textDocument/documentSymbol', params, timeout)
  if not responses then error('textDocument/documentSymbol: ' .. tostring(err)) end
  local response = responses[client_id]
  if not response then error('textDocument/documentSymbol: no response from the server') end
  if response.err then error('textDocument/documentSymbol: ' .. vim.inspect(response.err)) end
  local symbols = convert_symbols(response.result)

  -- vim.fn.json_encode writes an empty list as [] (what we want for children/diagnostics).
  local f = assert(io.open(out_path, 'w'))
  f:write(vim.fn.json_encode({ diagnostics = diagnostics, symbols = symbols }))
  f:close()

  vim.lsp.stop_client(client_id)
  vim.wait(2000, function() return server_exit ~= nil end, 10)
end

local ok, err = pcall(main)
if ok then vim.cmd('qall!') else fail(err) end
