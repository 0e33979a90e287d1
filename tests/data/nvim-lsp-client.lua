-- Drives Neovim's built-in LSP client against `tonelint server` (headless),
-- for tests/test_server_nvim.py.  Works on Neovim 0.7 (Debian 12) and later:
-- vim.lsp.start_client + buf_attach_client rather than vim.lsp.start (0.8+).
--
-- Environment: TL_DRAFT (file to open), TL_OUT (JSON written here),
-- TL_CMD (the server command as a JSON list), TL_ROOT (workspace root).
-- The JSON: {before = {diagnostics}, action = title, lines = {...}, after = {diagnostics}}
-- with each diagnostic as the editor holds it (0-based line, byte column).

local out = {}
local function finish(err)
  out.error = err
  local f = io.open(os.getenv("TL_OUT"), "w")
  f:write(vim.fn.json_encode(out))
  f:close()
  vim.cmd("qa!")
end

local ok, failure = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("TL_DRAFT")))
  vim.bo.filetype = "markdown"
  local bufnr = vim.api.nvim_get_current_buf()
  local published = 0
  local client_id = vim.lsp.start_client({
    name = "tonelint",
    cmd = vim.fn.json_decode(os.getenv("TL_CMD")),
    root_dir = os.getenv("TL_ROOT"),
    init_options = { scorecard = "off" },
    handlers = {
      ["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
        vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
        published = published + 1
      end,
    },
  })
  assert(client_id, "the server did not start")
  vim.lsp.buf_attach_client(bufnr, client_id)

  local function held()
    local list = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      local lsp = (d.user_data or {}).lsp or {}
      table.insert(list, {
        code = d.code or lsp.code, lnum = d.lnum, col = d.col,
        end_lnum = d.end_lnum, end_col = d.end_col, message = d.message, severity = d.severity,
      })
    end
    return list
  end

  assert(vim.wait(180000, function() return published >= 1 end, 50), "no diagnostics within 180 s")
  out.before = held()

  -- Ask for the code actions over the whole draft and apply "fix all safe".
  local client = vim.lsp.get_client_by_id(client_id)
  local last = vim.api.nvim_buf_line_count(bufnr)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = { line = 0, character = 0 }, ["end"] = { line = last, character = 0 } },
    context = { diagnostics = {} },
  }
  local replies = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, 120000)
  assert(replies, "no reply to textDocument/codeAction")
  local chosen
  out.titles = {}
  for _, reply in pairs(replies) do
    for _, action in ipairs(reply.result or {}) do
      table.insert(out.titles, action.title)
      if action.kind == "source.fixAll.tonelint" then chosen = action end
    end
  end
  assert(chosen, "no fix-all action offered")
  out.action = chosen.title
  local before = published
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding or "utf-16")
  out.lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  -- The edit is a didChange: the server answers with the new findings.
  assert(vim.wait(180000, function() return published > before end, 50), "no diagnostics after the edit")
  out.after = held()
end)

finish(ok and vim.NIL or tostring(failure))
