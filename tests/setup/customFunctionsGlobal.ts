/** Excel's custom-functions runtime provides the global CustomFunctions; Jest does not. */
import { CustomFunctionsError, ERROR_CODES } from "../doubles/customFunctions";

(globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
  Error: CustomFunctionsError,
  ErrorCode: ERROR_CODES,
  associate: () => undefined,
};
