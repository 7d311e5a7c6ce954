import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme, Title3 } from "@fluentui/react-components";

function App() {
  return (
    <FluentProvider theme={webLightTheme}>
      <Title3>SROI</Title3>
    </FluentProvider>
  );
}

Office.onReady(() => {
  createRoot(document.getElementById("root")!).render(<App />);
});
