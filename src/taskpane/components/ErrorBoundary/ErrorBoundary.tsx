import { Component, type ReactNode } from "react";
import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";

interface Props {
  children: ReactNode;
  /** the message shown, in the user's language */
  message: (error: Error) => string;
  backLabel: string;
  onReset: () => void;
}

/**
 * A failure while drawing a page shows what went wrong and a way back, instead of an empty pane
 * (Office users have no console to look at).
 */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{this.props.message(error)}</MessageBarBody>
        <MessageBarActions>
          <Button
            onClick={() => {
              this.setState({ error: null });
              this.props.onReset();
            }}
          >
            {this.props.backLabel}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
