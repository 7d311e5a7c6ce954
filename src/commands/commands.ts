/**
 * Ribbon commands. The ribbon button opens the task pane by the manifest's ShowTaskpane action; this
 * file exists so the shared runtime can host future ExecuteFunction commands.
 */
Office.onReady(() => {
  // Nothing to register yet: the only command is ShowTaskpane, handled by Office itself.
});
