package dev.aifirst.testsupport;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A langchain4j chat model for tests: answers {@code "answer #<n>"} to the n-th prompt and records the prompts. */
public final class ScriptedChatModel implements ChatModel {

    private final List<String> prompts = new CopyOnWriteArrayList<>();

    @Override
    public ChatResponse doChat(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        ChatMessage last = messages.get(messages.size() - 1);
        prompts.add(last instanceof UserMessage user ? user.singleText() : last.toString());
        return ChatResponse.builder().aiMessage(AiMessage.from("answer #" + prompts.size())).build();
    }

    /** Forgets the prompts received, for the next test. */
    public void reset() {
        prompts.clear();
    }

    /** The prompts received, in order. */
    public List<String> prompts() {
        return List.copyOf(prompts);
    }
}
